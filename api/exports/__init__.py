"""The family's own copy of everything stored about it (AVG/GDPR right of access and data portability)."""
