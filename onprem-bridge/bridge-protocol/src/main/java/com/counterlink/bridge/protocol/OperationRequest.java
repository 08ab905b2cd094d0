package com.counterlink.bridge.protocol;

/**
 * The typed parameters of one operation; {@code R} is what the bridge answers. Implementations
 * validate in their constructors, so a request that exists is a valid one, on either side.
 */
public interface OperationRequest<R> {

    BridgeOperation operation();

    @SuppressWarnings("unchecked")
    default Class<R> resultType() {
        return (Class<R>) operation().resultType();
    }
}
