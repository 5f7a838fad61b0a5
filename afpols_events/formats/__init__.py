"""Django's French formats, with what AFPOLS writes differently (FORMAT_MODULE_PATH)."""
