package com.counterlink.sync;

import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("job_settings")
public record JobSetting(@EmbeddedId Key key, UUID tenantId, boolean enabled, int intervalSeconds, Instant updatedAt) {

    @Embeddable
    public record Key(@MappedProperty("site_id") UUID siteId, @MappedProperty("job_type") JobType jobType) {
    }
}
