# Builds the distribution and runs it; used by docker-compose.yml.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home --home-dir /var/lib/vitals vitals
COPY --from=build /src/distribution/target/vitals /opt/vitals
USER vitals
ENV VITALS_DATA_DIR=/var/lib/vitals
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/vitals/vitals.jar"]
