"""Certificates: the registry's lookup, signing, PDF, QR codes, throttles, SMS and keys."""
