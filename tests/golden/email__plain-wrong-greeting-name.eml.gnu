corpus/email/plain-wrong-greeting-name.eml:9:4: error: The greeting addresses 'Mark', but the message goes to Sarah Lee; check the name and the recipient before you send. [FollowUp.GreetingName]
# exit 1
