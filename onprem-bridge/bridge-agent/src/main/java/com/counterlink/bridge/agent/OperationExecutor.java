package com.counterlink.bridge.agent;

import com.counterlink.bridge.protocol.InvalidParameterException;
import com.counterlink.bridge.protocol.OperationRequest;
import com.counterlink.bridge.protocol.ProtocolJson;
import com.counterlink.bridge.protocol.TaskErrorCode;
import com.counterlink.bridge.protocol.UnknownOperationException;
import com.counterlink.bridge.protocol.WireMessages.Task;
import com.counterlink.bridge.protocol.WireMessages.TaskResult;
import com.counterlink.bridge.protocol.operations.CreateCustomer;
import com.counterlink.bridge.protocol.operations.FindCustomerMatches;
import com.counterlink.bridge.protocol.operations.FindCustomersByEmail;
import com.counterlink.bridge.protocol.operations.Ping;
import com.counterlink.bridge.protocol.operations.ReadItemChanges;
import com.counterlink.bridge.protocol.operations.ReadPostedDocuments;
import com.counterlink.bridge.protocol.operations.ReadPrices;
import com.counterlink.bridge.protocol.operations.ReadSetup;
import com.counterlink.bridge.protocol.operations.ReadStock;
import com.counterlink.bridge.protocol.operations.ReadStockChanges;
import com.counterlink.bridge.protocol.operations.ReadPriceChanges;
import com.counterlink.bridge.protocol.operations.ReadWebCategories;
import com.counterlink.bridge.protocol.operations.WriteDocument;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns a task from the wire into a typed operation on Counterpoint, and any outcome into a result. */
public final class OperationExecutor {

    private static final Logger LOG = Logger.getLogger(OperationExecutor.class.getName());

    private final CounterpointConnections connections;

    public OperationExecutor(CounterpointConnections connections) {
        this.connections = connections;
    }

    public TaskResult execute(Task task) {
        try {
            OperationRequest<?> request = ProtocolJson.request(task.operation(), task.params());
            return TaskResult.completed(run(request));
        } catch (UnknownOperationException e) {
            LOG.warning("Rejected task " + task.taskId() + ": " + e.getMessage());
            return TaskResult.failed(TaskErrorCode.UNKNOWN_OPERATION, e.getMessage() + "; this bridge (" + BridgeVersion.VALUE
                    + ") may need an update");
        } catch (InvalidParameterException e) {
            LOG.warning("Rejected task " + task.taskId() + ": " + e.getMessage());
            return TaskResult.failed(TaskErrorCode.INVALID_PARAMETERS, e.getMessage());
        } catch (TaskFailure e) {
            LOG.warning("Task " + task.taskId() + " (" + task.operation() + ") failed: " + e.getMessage());
            return TaskResult.failed(e.code(), e.getMessage());
        } catch (SQLException e) {
            if (isConnectionProblem(e)) {
                // the driver's words stay in this log (CounterpointHealth); the cloud hears "not answering"
                connections.lost(e);
                LOG.warning("Task " + task.taskId() + " (" + task.operation() + ") could not reach Counterpoint: " + e.getMessage());
                return TaskResult.failed(TaskErrorCode.COUNTERPOINT_UNAVAILABLE, CounterpointConnections.NOT_ANSWERING);
            }
            LOG.log(Level.WARNING, "Task " + task.taskId() + " (" + task.operation() + ") failed in Counterpoint", e);
            return TaskResult.failed(TaskErrorCode.SQL_ERROR, "Counterpoint refused the statement; nothing was changed: "
                    + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Task " + task.taskId() + " failed unexpectedly", e);
            return TaskResult.failed(TaskErrorCode.INTERNAL, e.toString());
        }
    }

    private Object run(OperationRequest<?> request) throws SQLException {
        if (request instanceof Ping) {
            boolean reachable;
            try {
                connections.get(); // checks the kept connection, or connects anew
                reachable = true;
            } catch (TaskFailure e) {
                reachable = false;
            }
            return new Ping.Result(BridgeVersion.VALUE, reachable, Instant.now(), heapPeakBytes());
        }
        CounterpointRepository counterpoint = new CounterpointRepository(connections.get());
        return switch (request) {
            case ReadItemChanges r -> counterpoint.itemChanges(r);
            case ReadStock r -> counterpoint.stock(r);
            case ReadStockChanges r -> counterpoint.stockChanges(r);
            case ReadWebCategories r -> counterpoint.webCategories(r);
            case ReadPrices r -> counterpoint.prices(r);
            case ReadPriceChanges r -> counterpoint.priceChanges(r);
            case ReadSetup r -> counterpoint.setup();
            case FindCustomersByEmail r -> counterpoint.customersByEmail(r);
            case FindCustomerMatches r -> counterpoint.customerMatches(r);
            case CreateCustomer r -> counterpoint.createCustomer(r);
            case WriteDocument r -> counterpoint.writeDocument(r);
            case ReadPostedDocuments r -> counterpoint.postedDocuments(r);
            default -> throw new UnknownOperationException(request.operation().name());
        };
    }

    private static long heapPeakBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    static boolean isConnectionProblem(SQLException e) {
        if (e instanceof SQLNonTransientConnectionException || e instanceof SQLTransientConnectionException
                || (e.getSQLState() != null && e.getSQLState().startsWith("08"))) {
            return true;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
