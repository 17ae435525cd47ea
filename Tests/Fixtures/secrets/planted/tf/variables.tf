variable "db_password" {
  type = string
}
variable "master_token" {
  type      = string
  sensitive = true
}
variable "cluster_name" {
  type = string
}
