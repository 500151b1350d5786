# Builds the service from source and runs it on a JRE.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY bot-core/pom.xml bot-core/
COPY telegram-adapter/pom.xml telegram-adapter/
COPY discord-adapter/pom.xml discord-adapter/
COPY web-admin/pom.xml web-admin/
COPY app/pom.xml app/
RUN mvn -B -q dependency:go-offline -DexcludeGroupIds=com.careregistry || true
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home --home-dir /srv/careregistry careregistry
WORKDIR /srv/careregistry
COPY --from=build /src/app/target/customer-care-registry.jar app.jar
USER careregistry
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "app.jar"]
