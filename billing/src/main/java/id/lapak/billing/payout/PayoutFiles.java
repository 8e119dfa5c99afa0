package id.lapak.billing.payout;

import id.lapak.tenant.csv.CsvWriter;
import id.lapak.tenant.money.Money;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The bank files of a payout run. The CSV layout (docs/settlement.md) is one header line and one line per payout:
 * {@code payout_id,value_date,bank_code,bank_name,account_number,account_holder,currency,amount,reference} with
 * the amount in major units and a dot ({@code 150000} for Rp 150.000; {@code 12.50} for a currency with cents),
 * UTF-8, fields quoted when they hold a comma, quote or line break. The pain.001.001.09 message holds one payment
 * information block per value date, one credit transfer per payout, its end-to-end id being the payout id.
 */
final class PayoutFiles {

    static final String CSV_HEADER =
            "payout_id,value_date,bank_code,bank_name,account_number,account_holder,currency,amount,reference";

    private PayoutFiles() {}

    static String csv(List<DuePayout> payouts) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        for (DuePayout p : payouts) {
            out.append(String.join(
                            ",",
                            p.id().toString(),
                            p.expectedOn().toString(),
                            p.bankCode(),
                            cell(p.bankName()),
                            p.accountNumber(),
                            cell(p.holderName()),
                            p.currency(),
                            amount(p),
                            cell(reference(p))))
                    .append('\n');
        }
        return out.toString();
    }

    static String reference(DuePayout p) {
        return "Lapak " + p.businessDay();
    }

    private static String amount(DuePayout p) {
        return Money.of(p.amountMinor(), p.currency()).toPlainString();
    }

    private static String cell(String value) {
        return CsvWriter.cell(value);
    }

    static String pain001(
            UUID runId, Instant createdAt, String debtorName, String debtorAccount, List<DuePayout> payouts) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("Document");
            xml.writeDefaultNamespace("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09");
            xml.writeStartElement("CstmrCdtTrfInitn");
            groupHeader(xml, runId, createdAt, debtorName, payouts);
            for (LocalDate date : payouts.stream()
                    .map(DuePayout::expectedOn)
                    .distinct()
                    .sorted()
                    .toList()) {
                List<DuePayout> onDate = payouts.stream()
                        .filter(p -> p.expectedOn().equals(date))
                        .toList();
                paymentInformation(xml, runId, date, debtorName, debtorAccount, onDate);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("pain.001 could not be written", e);
        }
        return out.toString();
    }

    /** The group header: the message's id, time, number of transfers, their sum and the initiating party. */
    private static void groupHeader(
            XMLStreamWriter xml, UUID runId, Instant createdAt, String debtorName, List<DuePayout> payouts)
            throws XMLStreamException {
        xml.writeStartElement("GrpHdr");
        text(xml, "MsgId", compact(runId));
        text(
                xml,
                "CreDtTm",
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        createdAt.atOffset(ZoneOffset.UTC).withNano(0)));
        text(xml, "NbOfTxs", Integer.toString(payouts.size()));
        text(
                xml,
                "CtrlSum",
                payouts.stream()
                        .map(p -> Money.of(p.amountMinor(), p.currency()).major())
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .toPlainString());
        xml.writeStartElement("InitgPty");
        text(xml, "Nm", debtorName);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** One payment information block: the debtor's transfers to be executed on {@code date}. */
    private static void paymentInformation(
            XMLStreamWriter xml,
            UUID runId,
            LocalDate date,
            String debtorName,
            String debtorAccount,
            List<DuePayout> onDate)
            throws XMLStreamException {
        xml.writeStartElement("PmtInf");
        text(xml, "PmtInfId", compact(runId).substring(0, 20) + date.toString().replace("-", ""));
        text(xml, "PmtMtd", "TRF");
        text(xml, "NbOfTxs", Integer.toString(onDate.size()));
        xml.writeStartElement("ReqdExctnDt");
        text(xml, "Dt", date.toString());
        xml.writeEndElement();
        xml.writeStartElement("Dbtr");
        text(xml, "Nm", debtorName);
        xml.writeEndElement();
        account(xml, "DbtrAcct", debtorAccount);
        xml.writeStartElement("DbtrAgt");
        xml.writeStartElement("FinInstnId");
        xml.writeStartElement("Othr");
        text(xml, "Id", "NOTPROVIDED");
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        for (DuePayout p : onDate) {
            transfer(xml, p);
        }
        xml.writeEndElement();
    }

    private static void transfer(XMLStreamWriter xml, DuePayout p) throws XMLStreamException {
        xml.writeStartElement("CdtTrfTxInf");
        xml.writeStartElement("PmtId");
        text(xml, "EndToEndId", compact(p.id()));
        xml.writeEndElement();
        xml.writeStartElement("Amt");
        xml.writeStartElement("InstdAmt");
        xml.writeAttribute("Ccy", p.currency());
        xml.writeCharacters(Money.of(p.amountMinor(), p.currency()).toPlainString());
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeStartElement("CdtrAgt");
        xml.writeStartElement("FinInstnId");
        xml.writeStartElement("ClrSysMmbId");
        text(xml, "MmbId", p.bankCode());
        xml.writeEndElement();
        text(xml, "Nm", p.bankName());
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeStartElement("Cdtr");
        text(xml, "Nm", p.holderName());
        xml.writeEndElement();
        account(xml, "CdtrAcct", p.accountNumber());
        xml.writeStartElement("RmtInf");
        text(xml, "Ustrd", reference(p));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void account(XMLStreamWriter xml, String element, String number) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeStartElement("Id");
        xml.writeStartElement("Othr");
        text(xml, "Id", number);
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    /** 32 hex digits: ISO 20022 identifiers are at most 35 characters. */
    private static String compact(UUID id) {
        return id.toString().replace("-", "");
    }
}
