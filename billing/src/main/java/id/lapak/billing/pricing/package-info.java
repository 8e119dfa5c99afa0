/** Pricing plans per tenant with history, and the fee rule (rate, fixed amount, minimum fee, PPN on the fee). */
package id.lapak.billing.pricing;
