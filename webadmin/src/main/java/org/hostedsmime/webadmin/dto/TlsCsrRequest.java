package org.hostedsmime.webadmin.dto;

import java.util.List;

/** {@code {"commonName": "mail.example.org", "subjectAltNames": ["imap.example.org"], "keyType": "RSA-3072"}}. */
public record TlsCsrRequest(String commonName, List<String> subjectAltNames, String keyType) {
}
