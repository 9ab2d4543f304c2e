package org.hostedsmime.webadmin.dto;

/** {@code {"pkcs12": "<base64 of the .p12/.pfx>", "password": "..."}} */
public record Pkcs12ImportRequest(String pkcs12, String password) {
    @Override
    public String toString() {
        return "Pkcs12ImportRequest{" + (pkcs12 == null ? 0 : pkcs12.length()) + " base64 characters}";
    }
}
