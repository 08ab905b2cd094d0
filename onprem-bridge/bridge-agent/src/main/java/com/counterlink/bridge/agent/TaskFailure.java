package com.counterlink.bridge.agent;

import com.counterlink.bridge.protocol.TaskErrorCode;

/** An operation that cannot be done, with the code the cloud acts on; nothing was changed in Counterpoint. */
public class TaskFailure extends RuntimeException {

    private final TaskErrorCode code;

    public TaskFailure(TaskErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public TaskErrorCode code() {
        return code;
    }
}
