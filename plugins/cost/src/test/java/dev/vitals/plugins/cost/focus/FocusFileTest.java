package dev.vitals.plugins.cost.focus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FocusFileTest {

    private static final FocusFile FOCUS = new FocusFile(List.of("service", "app", "component", "x_service"));

    /** The mandatory FOCUS columns only, for the refusals. */
    private static final String MANDATORY_HEADER = "BilledCost,EffectiveCost,ProviderName,ChargeCategory,"
            + "BillingCurrency,BillingAccountId,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd\n";

    private static List<Charge> read(String csv) throws Exception {
        List<Charge> charges = new ArrayList<>();
        FOCUS.read(new StringReader(csv), charges::add);
        return charges;
    }

    @Test
    void aFileWithByteOrderMarkCrlfNullsQuotedTagsAndColumnsInAnyOrderIsRead() throws Exception {
        String csv = "\uFEFFEffectiveCost,BilledCost,ProviderName,ChargeCategory,ChargeClass,BillingCurrency,"
                + "BillingAccountId,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,Tags,"
                + "x_CostCenter\r\n"
                + "1.5E-7,0.00000080000,\"AWS\",\"Usage\",NULL,\"usd\",\"1234\",\"2024-09-01 00:00:00\","
                + "2024-10-01T00:00:00Z,2024-09-18T22:00:00Z,2024-09-18 23:00:00,"
                + "\"{\"\"application\"\": \"\"x\"\", \"\" App\"\": \"\"Checkout\"\"}\",\"cc-7\"\r\n";

        List<Charge> charges = read(csv);

        assertEquals(1, charges.size());
        Charge charge = charges.get(0);
        assertEquals(2, charge.row());
        assertEquals(new BigDecimal("1.5E-7"), charge.effectiveCost());
        assertEquals(new BigDecimal("0.00000080000"), charge.billedCost());
        assertEquals("USD", charge.billingCurrency());
        assertEquals(Optional.empty(), charge.chargeClass());
        assertEquals(Instant.parse("2024-09-18T22:00:00Z"), charge.chargePeriodStart());
        assertEquals(Optional.of("Checkout"), charge.allocationTag(), "a key with a stray space, any case");
        assertEquals(Optional.of("{\"x_CostCenter\":\"cc-7\"}"), charge.extra());
        assertTrue(charge.tags().orElseThrow().contains("\"application\":\"x\""));
    }

    @Test
    void theFirstAllocationKeyTheRowCarriesWinsAndAnXColumnCounts() throws Exception {
        String header = "BilledCost,EffectiveCost,ProviderName,ChargeCategory,BillingCurrency,BillingAccountId,"
                + "BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,Tags,x_service\n";
        String start = "1,1,AWS,Usage,USD,a,2024-09-01,2024-10-01,2024-09-02,2024-09-03,";

        List<Charge> charges = read(header
                + start + "\"{\"\"component\"\": \"\"c\"\", \"\"service\"\": \"\"s\"\"}\",x\n"
                + start + "\"{\"\"component\"\": \"\"c\"\"}\",x\n"
                + start + "NULL,x\n"
                + start + "{},NULL\n");

        assertEquals(List.of(Optional.of("s"), Optional.of("c"), Optional.of("x"), Optional.empty()),
                charges.stream().map(Charge::allocationTag).toList());
    }

    @Test
    void tagsAreKeptAsCompactJsonAndNameTheServiceWhateverTheirValuesAre() throws Exception {
        List<String> tags = List.of(
                "\"{ \"\"team\"\" : \"\"t\\u00e9\"\", \"\"on\"\": true, \"\"app\"\": null, "
                        + "\"\"service\"\": \"\" s \"\" }\"",
                "\"{\"\"service\"\": 42, \"\"cost\"\": 1.50}\"",
                "\"{\"\"service\"\": \"\"a\"\", \"\"service\"\": \"\"b\"\"}\"",
                "\"{\"\"app\"\": {\"\"service\"\": \"\"x\"\"}, \"\"component\"\": false}\"");

        List<Charge> charges = read(MANDATORY_HEADER.replace("\n", ",Tags\n") + tags.stream()
                .map(t -> "1,1,AWS,Usage,USD,a,2024-09-01,2024-10-01,2024-09-02,2024-09-03," + t + "\n")
                .collect(Collectors.joining()));

        assertEquals(List.of(Optional.of("{\"team\":\"t\u00e9\",\"on\":true,\"app\":null,\"service\":\" s \"}"),
                Optional.of("{\"service\":42,\"cost\":1.5}"), Optional.of("{\"service\":\"b\"}"),
                Optional.of("{\"app\":{\"service\":\"x\"},\"component\":false}")),
                charges.stream().map(Charge::tags).toList());
        assertEquals(List.of(Optional.of("s"), Optional.of("42"), Optional.of("b"), Optional.of("false")),
                charges.stream().map(Charge::allocationTag).toList());
    }

    @Test
    void aFileWithoutAMandatoryColumnIsRefusedAtTheHeaderNamingTheColumn() {
        FocusProblem problem = assertThrows(FocusProblem.class, () -> read(
                "BilledCost,ProviderName,ChargeCategory,BillingCurrency,BillingAccountId,BillingPeriodStart,"
                        + "BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd\n"));

        assertEquals(1, problem.row());
        assertEquals(Optional.of("EffectiveCost"), problem.column());
    }

    @Test
    void anUnparsableNumberIsRefusedNamingRowAndColumn() {
        String header = "BilledCost,EffectiveCost,ProviderName,ChargeCategory,BillingCurrency,BillingAccountId,"
                + "BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd\n";
        String good = "1,1,AWS,Usage,USD,a,2024-09-01,2024-10-01,2024-09-02,2024-09-03\n";

        FocusProblem problem = assertThrows(FocusProblem.class, () -> read(header + good + good
                + "1,1.2.3,AWS,Usage,USD,a,2024-09-01,2024-10-01,2024-09-02,2024-09-03\n"));

        assertEquals(4, problem.row());
        assertEquals(Optional.of("EffectiveCost"), problem.column());
        assertTrue(problem.reason().contains("'1.2.3' is not a number"), problem.reason());
    }

    @Test
    void aRowWithMissingCellsOrBadJsonTagsIsRefused() {
        String header = "BilledCost,EffectiveCost,ProviderName,ChargeCategory,BillingCurrency,BillingAccountId,"
                + "BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,Tags\n";

        FocusProblem shortRow = assertThrows(FocusProblem.class, () -> read(header + "1,1,AWS\n"));
        FocusProblem badTags = assertThrows(FocusProblem.class, () -> read(header
                + "1,1,AWS,Usage,USD,a,2024-09-01,2024-10-01,2024-09-02,2024-09-03,{service: x}\n"));

        assertEquals(2, shortRow.row());
        assertEquals(Optional.of("Tags"), badTags.column());
    }

    @Test
    void aHeaderThatIsNotCsvOrHidesANulInAColumnNameIsRefusedAtRowOne() {
        String valid = MANDATORY_HEADER
                + "1,1,AWS,Usage,USD,a,2024-09-01,2024-10-01,2024-09-02,2024-09-03\n";

        FocusProblem quoted = assertThrows(FocusProblem.class, () -> read("a: [\"lol\",\"lol\"]\n" + valid));
        FocusProblem nul = assertThrows(FocusProblem.class,
                () -> read(valid.replace("ChargePeriodEnd\n", "ChargePeriodEnd\u0000\n")));

        assertEquals(1, quoted.row());
        assertEquals(1, nul.row());
        assertEquals(Optional.of("ChargePeriodEnd"), nul.column());
    }

    @Test
    void aNulInACellIsRefusedNamingRowAndColumn() {
        String csv = MANDATORY_HEADER
                + "1,1,AWS,Usage,USD,a\u0000b,2024-09-01,2024-10-01,2024-09-02,2024-09-03\n";

        FocusProblem problem = assertThrows(FocusProblem.class, () -> read(csv));

        assertEquals(2, problem.row());
        assertEquals(Optional.of("BillingAccountId"), problem.column());
    }

    @Test
    void theFirstBadRowInFileOrderIsNamedEvenWhenALaterOneIsNoCsvAndRowsBeforeItWereAllHandedOn() throws Exception {
        String good = "1,1,AWS,Usage,USD,a,2024-09-01,2024-10-01,2024-09-02,2024-09-03\n";
        StringBuilder csv = new StringBuilder(MANDATORY_HEADER);
        csv.append(good.repeat(700));                                   // rows 2 to 701, across batches
        csv.append("1,1,AWS,Usage,USD,a,2024-09-01,2024-10-01,2024-09-02,yesterday\n");    // row 702
        csv.append(good.repeat(300));
        csv.append("1,1,AWS\n");                                       // row 1,003: too few cells
        List<Charge> charges = new ArrayList<>();

        FocusProblem problem = assertThrows(FocusProblem.class,
                () -> FOCUS.read(new StringReader(csv.toString()), charges::add));

        assertEquals(702, problem.row());
        assertEquals(Optional.of("ChargePeriodEnd"), problem.column());
        assertEquals(700, charges.size());
        assertEquals(701, charges.get(699).row());
    }

    @Test
    void tagsAreStoredAsTheJsonTreePrintsThemWhicheverWayTheirCellIsRead() throws Exception {
        List<String> objects = List.of("{\"application\": \"BlueAssetEdge\"}", "{}", " { } ",
                "{ \"team\" : \"t\u00e9\", \"on\": true, \"off\":false, \"app\": null, \"service\": \" s \" }",
                "{\"path\":\"a/b\",\"sym\":\"\u20ac \ud83d\ude00 {}[],:\"}", "{\"q\": \"say \\\"hi\\\"\"}",
                "{\"e\": \"\\u00e9\\n\"}", "{\"n\": 1.50, \"s\": \"x\"}", "{\"\": \"empty key\"}",
                "{\"a\":\"b\",\t\"c\"\r\n:\"d\"}");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

        List<Charge> charges = read(MANDATORY_HEADER.replace("\n", ",Tags\n") + objects.stream()
                .map(o -> "1,1,AWS,Usage,USD,a,2024-09-01,2024-10-01,2024-09-02,2024-09-03,\""
                        + o.replace("\"", "\"\"") + "\"\n")
                .collect(Collectors.joining()));

        for (int i = 0; i < objects.size(); i++) {
            assertEquals(Optional.of(json.readTree(objects.get(i)).toString()), charges.get(i).tags(), objects.get(i));
        }
    }

    @Test
    void whiteSpaceAfterAClosingQuoteIsDroppedAndAnyOtherCharacterThereIsRefused() throws Exception {
        String header = MANDATORY_HEADER.replace("\n", ",Tags\n");
        String start = "1,1,AWS,Usage,\"USD\" \t,a,2024-09-01,2024-10-01,2024-09-02,2024-09-03,";

        List<Charge> charges = read(header + start + "\"{\"\"service\"\": \"\"s\"\"}\"  \r\n");
        FocusProblem stray = assertThrows(FocusProblem.class, () -> read(header + start + "NULL\n"
                + "1,1,AWS,Usage,\"USD\" \"x,a,2024-09-01,2024-10-01,2024-09-02,2024-09-03,NULL\n"));

        assertEquals("USD", charges.get(0).billingCurrency());
        assertEquals(Optional.of("{\"service\":\"s\"}"), charges.get(0).tags());
        assertEquals(3, stray.row());
        assertTrue(stray.reason().startsWith("is not valid CSV"), stray.reason());
    }

    @Test
    void aFileThatEndsInsideAQuotedCellIsRefusedAtThatRecordsRowCountingRecordsNotLines() {
        String header = MANDATORY_HEADER.replace("\n", ",Tags\n");
        String start = "1,1,AWS,Usage,USD,a,2024-09-01,2024-10-01,2024-09-02,2024-09-03,";
        String spanning = start + "\"{\"\"service\"\":\n\"\"s\"\"}\"\n";          // one record, two lines
        List<Charge> charges = new ArrayList<>();

        FocusProblem unclosed = assertThrows(FocusProblem.class, () -> FOCUS.read(new StringReader(header
                + spanning + "\n" + spanning + start + "\"{\"\"service\"\": \"\"s\"\"}\n"), charges::add));
        FocusProblem unclosedHeader = assertThrows(FocusProblem.class, () -> read(header.replace("Tags", "\"Tags")));

        assertEquals(4, unclosed.row());
        assertTrue(unclosed.reason().startsWith("is not valid CSV"), unclosed.reason());
        assertEquals(List.of(2L, 3L), charges.stream().map(Charge::row).toList());
        assertEquals(1, unclosedHeader.row());
        assertTrue(unclosedHeader.reason().startsWith("is not a CSV header"), unclosedHeader.reason());
    }
}
