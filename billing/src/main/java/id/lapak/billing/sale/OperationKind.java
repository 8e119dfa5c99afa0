package id.lapak.billing.sale;

/** A call to the acquirer about a sale. */
public enum OperationKind { AUTHORIZE, CAPTURE, VOID, REFUND, REVERSAL }
