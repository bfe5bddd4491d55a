// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads {@code push.v1.PushRequest}s with the real message definitions: Pyroscope's {@code push.proto} and
 * {@code types.proto} (test resources, {@code pyroscope-proto/}) compiled by the real {@code protoc} from Maven
 * Central into descriptors, which protobuf's {@link DynamicMessage} parses by.
 */
final class PushRequests {
    private static Descriptor pushRequest;

    private PushRequests() {
    }

    /** The request, parsed; fails on bytes that are not a PushRequest. */
    static DynamicMessage parse(byte[] body) throws InvalidProtocolBufferException {
        return DynamicMessage.parseFrom(descriptor(), body);
    }

    static synchronized Descriptor descriptor() {
        if (pushRequest == null) {
            pushRequest = compile().findMessageTypeByName("PushRequest");
        }
        return pushRequest;
    }

    private static FileDescriptor compile() {
        try {
            Path work = Files.createTempDirectory("pyspy4j-protoc");
            Path protoc = work.resolve("protoc");
            String published = System.getProperty("pyspy4j.protoc");
            assertThat(published).as("system property pyspy4j.protoc (set by the build)").isNotBlank();
            Files.copy(Path.of(published), protoc);
            assertThat(protoc.toFile().setExecutable(true)).isTrue();
            Path sources = Path.of(PushRequests.class.getResource("/pyroscope-proto/push/v1/push.proto").toURI())
                    .getParent().getParent().getParent();
            Path descriptors = work.resolve("push.desc");
            Process process = new ProcessBuilder(protoc.toString(), "-I", sources.toString(), "--include_imports",
                    "--descriptor_set_out=" + descriptors, "push/v1/push.proto").redirectErrorStream(true).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.exitValue()).as("protoc: %s", output).isZero();
            FileDescriptorSet set = FileDescriptorSet.parseFrom(Files.readAllBytes(descriptors));
            Map<String, FileDescriptor> built = new HashMap<>();
            // --include_imports lists every file after the files it imports.
            for (FileDescriptorProto file : set.getFileList()) {
                List<FileDescriptor> imports = file.getDependencyList().stream().map(built::get).toList();
                built.put(file.getName(), FileDescriptor.buildFrom(file, imports.toArray(FileDescriptor[]::new)));
            }
            return built.get("push/v1/push.proto");
        } catch (IOException | URISyntaxException | DescriptorValidationException e) {
            throw new AssertionError("cannot compile Pyroscope's push.proto", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
