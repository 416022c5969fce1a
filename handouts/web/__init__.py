"""The local web app (`handouts serve`): loaded only for that command."""
