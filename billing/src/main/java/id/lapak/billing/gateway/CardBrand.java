package id.lapak.billing.gateway;

/** Card networks Lapak recognises from the BIN. GPN is Indonesia's domestic network (Gerbang Pembayaran Nasional). */
public enum CardBrand {
    VISA,
    MASTERCARD,
    JCB,
    AMEX,
    UNIONPAY,
    GPN,
    UNKNOWN
}
