package com.counterlink.sync;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface JobSettingRepository extends CrudRepository<JobSetting, JobSetting.Key> {

    List<JobSetting> findByKeySiteId(UUID siteId);

    /** Row-level security limits this to the current tenant's stores. */
    @Query("SELECT EXISTS (SELECT 1 FROM sites WHERE id = :siteId AND status <> 'REMOVED')")
    boolean siteExists(UUID siteId);
}
