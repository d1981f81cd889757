#!/usr/bin/env bash
# AKS Doctor's Azure identity, with the az CLI (and jq):
#   1. the custom roles deploy/azure/aks-doctor-reader.json (and, with WITH_OPERATOR=true,
#      aks-doctor-operator.json), assignable on the subscriptions listed;
#   2. a user-assigned managed identity;
#   3. its federated credential for the Kubernetes service account (AKS workload identity);
#   4. the role assignments: Reader on every subscription listed, Operator on them too when asked.
# Re-running it is safe: existing roles are updated, existing identity, credential and assignments kept.
#
#   SUBSCRIPTIONS=<sub-id>[,<sub-id>…] RESOURCE_GROUP=rg-aks-doctor \
#   AKS_CLUSTER=aks-ops AKS_RESOURCE_GROUP=rg-ops deploy/azure/setup-identity.sh
#
# Optional: IDENTITY_NAME (aks-doctor), NAMESPACE (aks-doctor), SERVICE_ACCOUNT (aks-doctor),
# LOCATION (the resource group's), WITH_OPERATOR (false).
#
# The operator role goes on whole subscriptions: the write buttons start long-running operations whose status
# ARM serves under /subscriptions/<id>/providers/<provider>/locations/…, outside any resource group.
set -euo pipefail

: "${SUBSCRIPTIONS:?comma-separated subscription ids AKS Doctor may inspect}"
: "${RESOURCE_GROUP:?resource group that holds the identity}"
: "${AKS_CLUSTER:?name of the AKS cluster AKS Doctor runs in}"
AKS_RESOURCE_GROUP=${AKS_RESOURCE_GROUP:-$RESOURCE_GROUP}
IDENTITY_NAME=${IDENTITY_NAME:-aks-doctor}
NAMESPACE=${NAMESPACE:-aks-doctor}
SERVICE_ACCOUNT=${SERVICE_ACCOUNT:-aks-doctor}
WITH_OPERATOR=${WITH_OPERATOR:-false}

here=$(cd "$(dirname "$0")" && pwd)
IFS=',' read -r -a subscriptions <<< "$SUBSCRIPTIONS"
home_subscription=${subscriptions[0]}
scopes=$(printf '/subscriptions/%s\n' "${subscriptions[@]}" | jq -R . | jq -sc .)
LOCATION=${LOCATION:-$(az group show --subscription "$home_subscription" -n "$RESOURCE_GROUP" --query location -o tsv)}

define_role() {
  local file=$1 name definition
  name=$(jq -r .Name "$file")
  definition=$(jq -c --argjson scopes "$scopes" '.AssignableScopes = $scopes' "$file")
  if [ -n "$(az role definition list --subscription "$home_subscription" --custom-role-only true --name "$name" \
      --query '[0].name' -o tsv)" ]; then
    az role definition update --subscription "$home_subscription" --role-definition "$definition" -o none
  else
    az role definition create --subscription "$home_subscription" --role-definition "$definition" -o none
  fi
  echo "role: $name"
}

assign() {
  local role=$1 scope=$2
  if [ -z "$(az role assignment list --assignee "$principal_id" --role "$role" --scope "$scope" --query '[0].id' -o tsv)" ]; then
    az role assignment create --assignee-object-id "$principal_id" --assignee-principal-type ServicePrincipal \
      --role "$role" --scope "$scope" -o none
  fi
  echo "assigned: $role on $scope"
}

define_role "$here/aks-doctor-reader.json"
if [ "$WITH_OPERATOR" = true ]; then
  define_role "$here/aks-doctor-operator.json"
fi

az identity create --subscription "$home_subscription" -g "$RESOURCE_GROUP" -n "$IDENTITY_NAME" -l "$LOCATION" -o none
client_id=$(az identity show --subscription "$home_subscription" -g "$RESOURCE_GROUP" -n "$IDENTITY_NAME" --query clientId -o tsv)
principal_id=$(az identity show --subscription "$home_subscription" -g "$RESOURCE_GROUP" -n "$IDENTITY_NAME" --query principalId -o tsv)
echo "identity: $IDENTITY_NAME (client id $client_id)"

issuer=$(az aks show --subscription "$home_subscription" -g "$AKS_RESOURCE_GROUP" -n "$AKS_CLUSTER" \
  --query oidcIssuerProfile.issuerUrl -o tsv)
if [ -z "$issuer" ]; then
  echo "the cluster $AKS_CLUSTER has no OIDC issuer: az aks update -g $AKS_RESOURCE_GROUP -n $AKS_CLUSTER --enable-oidc-issuer --enable-workload-identity" >&2
  exit 1
fi
if [ -z "$(az identity federated-credential list --subscription "$home_subscription" -g "$RESOURCE_GROUP" \
    --identity-name "$IDENTITY_NAME" --query "[?subject=='system:serviceaccount:$NAMESPACE:$SERVICE_ACCOUNT'].name" -o tsv)" ]; then
  az identity federated-credential create --subscription "$home_subscription" -g "$RESOURCE_GROUP" \
    --identity-name "$IDENTITY_NAME" --name "aks-doctor-$NAMESPACE" --issuer "$issuer" \
    --subject "system:serviceaccount:$NAMESPACE:$SERVICE_ACCOUNT" --audiences api://AzureADTokenExchange -o none
fi
echo "federated: system:serviceaccount:$NAMESPACE:$SERVICE_ACCOUNT from $issuer"

for subscription in "${subscriptions[@]}"; do
  assign "AKS Doctor Reader" "/subscriptions/$subscription"
  if [ "$WITH_OPERATOR" = true ]; then
    assign "AKS Doctor Operator" "/subscriptions/$subscription"
  fi
done

cat <<DONE

Done. In your overlay of deploy/k8s, set the service account annotation
  azure.workload.identity/client-id: "$client_id"
and AKS_DOCTOR_AZURE_SUBSCRIPTIONS=$SUBSCRIPTIONS. Role assignments can take a few minutes to apply.
DONE
