"""Notifications: reminders and invitations by e-mail and text message, through an outbox."""
