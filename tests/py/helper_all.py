__all__ = ["public_one", "_exported_private"]
public_one = 1
public_two = 2
_exported_private = "underscore but listed"
_hidden = "hidden"
