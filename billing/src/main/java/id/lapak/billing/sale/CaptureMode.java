package id.lapak.billing.sale;

/** When an approved payment is captured: right after approval (the default), or later by a person. */
public enum CaptureMode {
    IMMEDIATE,
    MANUAL
}
