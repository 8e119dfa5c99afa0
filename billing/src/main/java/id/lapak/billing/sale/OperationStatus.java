package id.lapak.billing.sale;

public enum OperationStatus {
    PENDING,
    SUCCEEDED,
    FAILED
}
