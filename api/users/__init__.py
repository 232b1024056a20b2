"""Staff accounts: administrators, coordinators and supporters."""
