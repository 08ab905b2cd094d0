package com.counterlink.sync;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SyncRunRepository extends CrudRepository<SyncRun, UUID> {

    List<SyncRun> findTop50BySiteIdOrderByStartedAtDesc(UUID siteId);

    List<SyncRun> findTop50BySiteIdAndJobTypeOrderByStartedAtDesc(UUID siteId, JobType jobType);

    Optional<SyncRun> findFirstBySiteIdAndJobTypeOrderByStartedAtDesc(UUID siteId, JobType jobType);

    Optional<SyncRun> findByIdAndSiteId(UUID id, UUID siteId);
}
