# Backend + portal image. Build from the repository root:
#   docker build -f deploy/docker/backend.Dockerfile -t counterlink/backend .

FROM node:20-bookworm-slim AS portal
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

FROM eclipse-temurin:21-jdk AS backend
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY backend backend
COPY onprem-bridge onprem-bridge
RUN ./mvnw -q -B -DskipTests -pl backend/service,onprem-bridge/bridge-agent -am package

FROM node:20-bookworm-slim AS bridge-windows
RUN apt-get update && apt-get install -y --no-install-recommends python3 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY deploy/bridge deploy/bridge
COPY --from=backend /src/onprem-bridge/bridge-agent/target/counterlink-bridge.jar onprem-bridge/bridge-agent/target/counterlink-bridge.jar
RUN deploy/bridge/package-windows.sh /out

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 counterlink
WORKDIR /app
COPY --from=backend /src/backend/service/target/counterlink-backend.jar /app/counterlink-backend.jar
COPY --from=portal /src/frontend/dist /app/portal
COPY --from=backend /src/onprem-bridge/bridge-agent/target/counterlink-bridge.jar /app/downloads/counterlink-bridge.jar
COPY --from=bridge-windows /out/counterlink-bridge-windows.zip /app/downloads/counterlink-bridge-windows.zip
ENV COUNTERLINK_PORTAL_DIR=/app/portal \
    COUNTERLINK_BRIDGE_JAR=/app/downloads/counterlink-bridge.jar \
    COUNTERLINK_BRIDGE_WINDOWS_ZIP=/app/downloads/counterlink-bridge-windows.zip \
    LOG_FORMAT=json \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
USER counterlink
EXPOSE 8080
# Orchestrators probe GET /health/liveness and /health/readiness.
ENTRYPOINT ["java", "-jar", "/app/counterlink-backend.jar"]
