min(x for x in [])
