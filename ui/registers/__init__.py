"""The registers' screens: one lazy table model and one page class serve all seven."""
