package com.counterlink.bridge.agent;

/** One line of {@code doctor}'s report. */
record DoctorCheck(String name, Verdict verdict, String detail) {

    enum Verdict { PASS, WARN, FAIL }

    static DoctorCheck pass(String name, String detail) {
        return new DoctorCheck(name, Verdict.PASS, detail);
    }

    static DoctorCheck warn(String name, String detail) {
        return new DoctorCheck(name, Verdict.WARN, detail);
    }

    static DoctorCheck fail(String name, String detail) {
        return new DoctorCheck(name, Verdict.FAIL, detail);
    }

    @Override
    public String toString() {
        return String.format("%-4s  %-22s %s", verdict, name, detail);
    }
}
