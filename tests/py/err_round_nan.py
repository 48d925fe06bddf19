round(float("nan"))
