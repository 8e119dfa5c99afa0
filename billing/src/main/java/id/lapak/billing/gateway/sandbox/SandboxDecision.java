package id.lapak.billing.gateway.sandbox;

/**
 * What the acquirer decided for one request: the answer, the journal entry that records it, how to take the
 * in-memory change back if the entry cannot be written, and whether the answer is to be lost on the way (the test
 * card that simulates a timeout after the hold).
 */
record SandboxDecision<T>(T answer, JournalEntry entry, Runnable undo, boolean loseAnswer) {}
