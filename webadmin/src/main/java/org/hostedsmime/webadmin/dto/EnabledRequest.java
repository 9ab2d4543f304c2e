package org.hostedsmime.webadmin.dto;

/** {@code {"enabled": true|false}} */
public record EnabledRequest(Boolean enabled) {
}
