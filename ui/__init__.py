"""The PySide6 desktop client: windows, dialogs and Qt models over the core's services."""
