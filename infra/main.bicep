// Relay Doctor on Azure: App Service (Linux, Node) running the bundle from `npm run bundle`, an Azure Bot
// with the Microsoft Teams channel, a user-assigned managed identity as the bot's identity (no secret),
// Blob Storage for conversation state (identity-based, shared keys off) and Application Insights.
// Deploy: see docs/deploy.md. Not deployed from this project; see "What was validated" there.

targetScope = 'resourceGroup'

@description('Short name used in every resource name (lower-case letters, digits, hyphens).')
@minLength(3)
@maxLength(20)
param baseName string = 'relay-doctor'

@description('Region of the App Service, storage, identity and monitoring resources. The Azure Bot itself is global.')
param location string = resourceGroup().location

@description('Name shown for the bot in Teams and the Azure portal.')
param botDisplayName string = 'Relay Doctor'

@description('App Service plan size. B1 is the smallest with always-on; S1 and up add autoscale and slots; P0v3 and up for production load.')
@allowed([ 'B1', 'B2', 'B3', 'S1', 'S2', 'S3', 'P0v3', 'P1v3', 'P2v3' ])
param appServiceSku string = 'B1'

@description('Instances of the web app. Conversation state is in Blob Storage with eTags, so more than one is safe.')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Linux runtime. The project is tested on Node 20; NODE|22-lts is offered once Node 20 is retired on App Service.')
@allowed([ 'NODE|20-lts', 'NODE|22-lts' ])
param nodeRuntime string = 'NODE|20-lts'

@description('Azure Bot pricing tier: F0 (free, standard channels such as Teams are free) or S1.')
@allowed([ 'F0', 'S1' ])
param botSku string = 'F0'

@description('Blob container for conversation state.')
param stateContainer string = 'relay-doctor-state'

@description('Live DNS checks during a diagnosis (MX, smart host, SPF): on or off.')
@allowed([ 'on', 'off' ])
param liveChecks string = 'on'

@description('Days Log Analytics keeps telemetry (30 is included in the per-GB price).')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

var suffix = uniqueString(resourceGroup().id, baseName)
var compactName = toLower(replace(baseName, '-', ''))
var webAppName = '${baseName}-${suffix}'
var storageAccountName = take('st${compactName}${suffix}', 24)
// Built-in role "Storage Blob Data Contributor": read, write and delete blobs, no account keys.
var blobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${baseName}'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    // The bot reaches Blob Storage with its managed identity only: no key or connection string exists to leak.
    allowSharedKeyAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: stateContainer
  properties: { publicAccess: 'None' }
}

resource blobAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, blobDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${baseName}-${suffix}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${baseName}-${suffix}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-${baseName}-${suffix}'
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false // any instance may answer any turn: state is in Blob Storage
    siteConfig: {
      linuxFxVersion: nodeRuntime
      appCommandLine: '' // package.json "start": node dist/bot/index.js
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        // The bundle carries its node_modules: no build on the server; the zip is mounted read-only.
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        // Bot identity: the managed identity's client id is the bot's app id (no password).
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppTenantId', value: tenant().tenantId }
        // Conversation state in Blob Storage through the same identity.
        { name: 'STORAGE', value: 'blob' }
        { name: 'BLOB_ACCOUNT_URL', value: storage.properties.primaryEndpoints.blob }
        { name: 'BLOB_CONTAINER', value: stateContainer }
        { name: 'BLOB_MANAGED_IDENTITY_CLIENT_ID', value: identity.properties.clientId }
        { name: 'LIVE_CHECKS', value: liveChecks }
        // Telemetry (traces and metrics without personal data) to Application Insights.
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
      ]
    }
  }
  dependsOn: [ blobAccess, container ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-${baseName}-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenant().tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

@description('The bot\'s app id (the managed identity\'s client id): pass it to `npm run package` as MicrosoftAppId.')
output botId string = identity.properties.clientId

@description('Where the Bot Connector delivers Teams messages.')
output messagingEndpoint string = bot.properties.endpoint

@description('The web app to zip-deploy the bundle to.')
output webAppName string = webApp.name

output webAppHostName string = webApp.properties.defaultHostName
output storageAccountName string = storage.name
output tenantId string = tenant().tenantId
