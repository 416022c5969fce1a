"""handouts: branded, printable PDF take-home sheets for muscle and joint pain clinics."""

__version__ = "0.1.0"
