@echo off
rem SPDX-License-Identifier: MIT
rem Copyright (c) 2026 the pyspy4j authors
rem
rem Runs pyspy4j with the Java installed on this machine, 17 or newer: JAVA_HOME's java, else the java on PATH.
rem   bin\pyspy4j dump --pid 1234
rem Plugin jars are loaded from plugins\ beside bin\, the user's .config\pyspy4j\plugins and PYSPY4J_PLUGIN_PATH.
rem Environment: JAVA_HOME, PYSPY4J_JAVA_OPTS (JVM options after the distribution's own in lib\jvm.options, so they
rem win), PYSPY4J_PLUGIN_PATH.
setlocal

rem This distribution's directory, without the trailing backslash of %~dp0.
for %%d in ("%~dp0..") do set "PYSPY4J_HOME=%%~fd"

if defined JAVA_HOME goto java_home
where java >nul 2>nul
if errorlevel 1 goto no_java
set "JAVA=java"
goto run

:java_home
set "JAVA=%JAVA_HOME%\bin\java.exe"
if exist "%JAVA%" goto run
echo pyspy4j: JAVA_HOME [%JAVA_HOME%] has no bin\java.exe; pyspy4j needs Java 17 or newer: set JAVA_HOME to its directory or put its java on PATH 1>&2
exit /b 4

:no_java
echo pyspy4j: no java found [JAVA_HOME is not set and PATH has no java]; pyspy4j needs Java 17 or newer: set JAVA_HOME to its directory or put its java on PATH 1>&2
exit /b 4

:run
rem --enable-native-access: JNA calls the system's memory and thread functions, which Java 24 and newer warn about
rem otherwise (every Java from 17 on knows the option). The class path is every jar of lib\, in no particular order:
rem without a class cache nothing depends on it.
"%JAVA%" "@%PYSPY4J_HOME%\lib\jvm.options" --enable-native-access=ALL-UNNAMED %PYSPY4J_JAVA_OPTS% "-Dpyspy4j.home=%PYSPY4J_HOME%" -cp "%PYSPY4J_HOME%\lib\*" dev.pyspy4j.cli.Main %*
exit /b %ERRORLEVEL%
