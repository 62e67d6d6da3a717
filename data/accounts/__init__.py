"""Accounts: users and sign-in (argon2id, throttled), single sign-on identities, the append-only audit trail."""
