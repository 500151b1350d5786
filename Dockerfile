# Builds the service from source and runs it on Java 25 with an ahead-of-time cache (see
# scripts/run.sh and docs/benchmarks.md: the cache roughly halves the start).
FROM maven:3.9.11-eclipse-temurin-17 AS build
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

FROM eclipse-temurin:25.0.1_8-jre
RUN useradd --system --create-home --home-dir /srv/careregistry careregistry
WORKDIR /srv/careregistry
COPY --from=build /src/app/target/customer-care-registry.jar customer-care-registry.jar
# The flags of scripts/run.sh. The AOT cache is made by a training run at build time, on a
# throw-away H2 database (the context starts and stops before the web server would): it must be
# made with the same JVM, flags and class path (the extracted jar) that run it.
ENV JAVA_FLAGS="-Xms32m -Xmx256m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:-ShrinkHeapInSteps -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=192m -XX:+UseSerialGC -XX:+UseCompactObjectHeaders -XX:TrimNativeHeapInterval=1000 -Dspring.threads.virtual.enabled=true" \
    MALLOC_ARENA_MAX=2
RUN java -Djarmode=tools -jar customer-care-registry.jar extract --destination app \
    && CCR_DB_URL="jdbc:h2:file:/tmp/training/careregistry;MODE=MariaDB;DATABASE_TO_LOWER=TRUE" CCR_DB_USER=sa \
       java $JAVA_FLAGS -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh -jar app/customer-care-registry.jar \
    && rm -rf /tmp/training customer-care-registry.jar \
    && chown -R careregistry /srv/careregistry
USER careregistry
EXPOSE 8080
ENTRYPOINT ["sh", "-c", "exec java $JAVA_FLAGS -XX:AOTCache=app.aot -jar app/customer-care-registry.jar \"$@\"", "--"]
