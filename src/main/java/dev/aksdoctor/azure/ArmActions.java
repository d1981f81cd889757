package dev.aksdoctor.azure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Azure RBAC actions an {@link ArmGateway} verb needs. The role files in {@code deploy/azure/} are checked
 * against these (ArmRoleFilesTest): {@code aks-doctor-reader.json} holds exactly the reads' actions,
 * {@code aks-doctor-operator.json} exactly the operator verbs' actions (assigned on top of the reader role).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ArmActions {

    /** The actions, as a 403 from ARM names them, e.g. {@code Microsoft.Network/networkSecurityGroups/read}. */
    String[] value();

    /** Whether the verb changes something or runs something on a node: only the operator role allows it. */
    boolean operator() default false;
}
