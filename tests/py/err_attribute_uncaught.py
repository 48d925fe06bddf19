class Config:
    def __init__(self):
        self.debug = True


cfg = Config()
print(cfg.debug)
print(cfg.verbose)
