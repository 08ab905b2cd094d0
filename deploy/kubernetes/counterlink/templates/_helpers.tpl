{{/* Names and labels */}}
{{- define "counterlink.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "counterlink.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "counterlink.selectorLabels" -}}
app.kubernetes.io/name: {{ include "counterlink.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* The backend's pods (not the migration Job's) */}}
{{- define "counterlink.backendSelectorLabels" -}}
{{ include "counterlink.selectorLabels" . }}
app.kubernetes.io/component: backend
{{- end }}

{{- define "counterlink.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "counterlink.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: counterlink
{{- end }}

{{- define "counterlink.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "counterlink.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "counterlink.image" -}}
{{- printf "%s:%s" (required "image.repository is required" .Values.image.repository) (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* A value of the operator's Secret, by the name of its key in .Values.secret.keys */}}
{{- define "counterlink.secretRef" -}}
valueFrom:
  secretKeyRef:
    name: {{ required "secret.name is required" .root.Values.secret.name }}
    key: {{ required (printf "secret.keys.%s is required" .key) (index .root.Values.secret.keys .key) }}
    {{- if .optional }}
    optional: true
    {{- end }}
{{- end }}

{{/* What both the migration Job and the replicas need to reach the database as the owner */}}
{{- define "counterlink.ownerDatabaseEnv" -}}
- name: COUNTERLINK_DB_URL
  value: {{ required "database.url is required, e.g. jdbc:postgresql://postgres:5432/counterlink" .Values.database.url | quote }}
- name: COUNTERLINK_DB_OWNER_USER
  value: {{ required "database.ownerUser is required" .Values.database.ownerUser | quote }}
- name: COUNTERLINK_DB_OWNER_PASSWORD
  {{- include "counterlink.secretRef" (dict "root" . "key" "dbOwnerPassword") | nindent 2 }}
# the login the migrations grant privileges to
- name: COUNTERLINK_DB_APP_USER
  value: {{ required "database.appUser is required" .Values.database.appUser | quote }}
{{- end }}

{{- define "counterlink.podSecurity" -}}
automountServiceAccountToken: false
{{- with .Values.podSecurityContext }}
securityContext:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}
