// Example parameters: az deployment group create --resource-group <group> --parameters infra/main.bicepparam
using './main.bicep'

param baseName = 'relay-doctor'
param botDisplayName = 'Relay Doctor'
param appServiceSku = 'B1'
param instanceCount = 1
param nodeRuntime = 'NODE|20-lts'
param botSku = 'F0'
param liveChecks = 'on'
