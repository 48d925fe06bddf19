class InventoryError(Exception):
    def __init__(self, item, qty):
        super().__init__(f"not enough {item}: {qty}")
        self.item = item


def take(item, qty):
    if qty > 3:
        raise InventoryError(item, qty)
    return qty


print(take("apple", 2))
take("pear", 7)
