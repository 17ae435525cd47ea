cluster_name = "prod"
db_password  = "TfvarsPlantedPassw0rd!"
master_token = "PlantedSensitiveToken42"
aws_access_key_id = "AKIAPLANTED7EXAMPLEK"
extra_tags = {
  owner = "platform"
  signing = "ASIAPLANTED7SESSIONK"
}
