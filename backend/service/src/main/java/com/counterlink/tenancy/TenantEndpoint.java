package com.counterlink.tenancy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares what a tenant endpoint does ({@link TenantAction}). The support gate reads it before the
 * request body is even parsed; an endpoint without it is closed to support.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TenantEndpoint {

    TenantAction value();
}
