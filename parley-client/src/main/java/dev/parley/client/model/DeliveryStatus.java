package dev.parley.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** How far one of my messages got. {@link #UNKNOWN} stands for a state this client does not know. */
public enum DeliveryStatus {
    @JsonProperty("sent") SENT,
    @JsonProperty("delivered_some") DELIVERED_SOME,
    @JsonProperty("delivered_all") DELIVERED_ALL,
    @JsonProperty("read_some") READ_SOME,
    @JsonProperty("read_all") READ_ALL,
    @JsonEnumDefaultValue UNKNOWN
}
