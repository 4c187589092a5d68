# config/: engine settings.
