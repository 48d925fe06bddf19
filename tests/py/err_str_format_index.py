"{1}".format(0)
