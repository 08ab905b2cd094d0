package com.counterlink.orders;

import com.counterlink.bridge.protocol.operations.FindCustomerMatches;
import com.counterlink.bridge.protocol.operations.FindCustomerMatches.Candidate;
import com.counterlink.orders.OrderViews.CustomerMatch;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatchScorerTest {

    private static final WebCustomer GRACE = new WebCustomer("grace.hopper@example.org", "Grace", "Hopper",
            "+1 (901) 555-0101", "38101", "1 Navy Yard");

    @Test
    void twoCustomersWithTheExactEmailAreBothMatchedTheOneSharingMoreFirst() {
        List<CustomerMatch> matches = MatchScorer.score(GRACE, List.of(
                candidate("1001", "G. Hopper", null, null, " GRACE.HOPPER@example.org ", null, null, null),
                candidate("1000", "Grace Hopper", "Grace", "Hopper", "grace.hopper@example.org", "901-555-0101", "1 Navy Yard", "38101")),
                "1001");
        assertEquals(List.of("1000", "1001"), matches.stream().map(CustomerMatch::custNo).toList());
        CustomerMatch best = matches.get(0);
        assertEquals(List.of("same email", "same phone", "same last name and postal code", "same street address",
                "same first name"), best.reasons());
        assertEquals(98, best.percent());
        assertFalse(best.linked());
        CustomerMatch emailOnly = matches.get(1);
        assertEquals(List.of("same email"), emailOnly.reasons());
        assertEquals(80, emailOnly.percent());
        assertTrue(emailOnly.linked(), "the current link is marked");
    }

    @Test
    void aPhoneWrittenDifferentlyOrWithoutTheCountryCodeIsTheSamePhone() {
        List<CustomerMatch> matches = MatchScorer.score(GRACE, List.of(
                candidate("2000", "Someone Else", "Ann", "Smith", null, "901.555.0101", "9 Elm St", "37201"),
                candidate("2001", "Other Phone", "Ann", "Smith", null, "901-555-0102", null, null)), null);
        assertEquals(1, matches.size());
        assertEquals("2000", matches.get(0).custNo());
        WebCustomer london = new WebCustomer(null, null, null, "+44 20 7946 0018", null, null);
        assertEquals(List.of("same phone"), MatchScorer.score(london, List.of(
                candidate("2002", "Trunk Prefix", null, null, null, "020 7946 0018", null, null)), null).get(0).reasons());
        assertEquals(List.of("same phone"), matches.get(0).reasons());
        assertEquals(60, matches.get(0).percent());
    }

    @Test
    void theSameLastNameAndPostalCodeAloneIsAWeakerMatchAndAccentsOrCaseDoNotMatter() {
        WebCustomer web = new WebCustomer(null, "Zoe", "MULLER", null, "37 201", "77 Harbor Rd.");
        List<CustomerMatch> matches = MatchScorer.score(web, List.of(
                candidate("3000", "Zoë Müller", "Zoë", "Müller", "zoe@example.com", "901-555-1234", "77 Harbor Rd", "37201"),
                candidate("3001", "Jonas Müller", "Jonas", "Müller", null, null, "5 Main St", "37201")), null);
        assertEquals(List.of("3000", "3001"), matches.stream().map(CustomerMatch::custNo).toList());
        assertEquals(List.of("same last name and postal code", "same street address", "same first name"), matches.get(0).reasons());
        assertEquals(72, matches.get(0).percent());
        assertEquals(List.of("same last name and postal code"), matches.get(1).reasons());
        assertEquals(50, matches.get(1).percent());
    }

    @Test
    void aCustomerSharingNothingIdentifyingIsNotReturned() {
        List<CustomerMatch> matches = MatchScorer.score(GRACE, List.of(
                candidate("4000", "Grace Hopper", "Grace", "Hopper", "someone@example.org", "615-555-9999", "1 Navy Yard", "37201"),
                candidate("4001", "Nobody", "Ben", "Brown", null, null, null, null)), null);
        assertEquals(List.of(), matches, "first name, last name and street without the postal code are not enough");
    }

    @Test
    void aWebCustomerWithNothingToSearchBySendsNoRequestAndLongFieldsAreCutToCounterpointsLengths() {
        assertTrue(CustomerMatchService.request(new WebCustomer(null, "Grace", null, "12", "38101", null)).isEmpty());
        FindCustomerMatches request = CustomerMatchService.request(new WebCustomer("x".repeat(60) + "@example.org",
                "Bartholomew-Alexander", "Hopper", null, null, "1 Navy Yard")).orElseThrow();
        assertEquals(null, request.email(), "an e-mail longer than AR_CUST keeps cannot match");
        assertEquals(15, request.firstName().length());
        assertEquals(CustomerMatchService.LIMIT, request.limit());
    }

    private static Candidate candidate(String custNo, String name, String first, String last, String email, String phone,
                                       String address1, String zip) {
        return new Candidate(custNo, name, first, last, email, phone, address1, "Memphis", zip);
    }
}
