package id.lapak.billing.gateway.sandbox;

import id.lapak.billing.gateway.sandbox.SandboxTestCard.Behaviour;

/** A card account at an issuer: its balance and what open authorizations hold of it; guarded by its own monitor. */
final class SandboxAccount {

    final String key;
    final Issuer issuer;
    final Behaviour behaviour;
    long balance;
    long held;

    SandboxAccount(String key, Issuer issuer, long balance, Behaviour behaviour) {
        this.key = key;
        this.issuer = issuer;
        this.balance = balance;
        this.behaviour = behaviour;
    }
}
